// A checklist with secrets planted in every place document text can travel from:
// an item title, a group heading, Owner and Deadline values, a choice option, inside
// brackets, a one-line JSON array, a code-span path, a bearer token over a blank,
// a header of a fenced smoke command.
// Every value is synthetic: it follows a format and nothing more.

export const PLANTED = {
  githubInTitle: 'ghp_R8mK2vX9qL4tW7nB3cJ6hF1dS5aZ0pY8uE2i',
  slackInGroup: 'xoxb-2048193847-4820194837261-Qw8ErT6yUi4oP2aSdF0gHj9K',
  githubInOwner: 'ghp_T4nV8bM2xC6zL9kJ3hG7fD1sA5qW0eR8tY2u',
  stripeInDeadline: 'sk_live_51Hx9QwErTy7UiOp3AsDf6GhJk2LzXcVbNm8Qa4Ws',
  githubInBrackets: 'ghp_mEpNyw4QayC7ArS1EwilGVFZC34jLYf1eD8j',
  stripeInOption: 'sk_live_51Jz0PlOkIjUhYgTfRdEsWaQ3zXcVbNmLkJhGf7D',
  awsInJson: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9vR4tE8yPk',
  bearerOverBlank: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMtYm90In0.Xq9vR2mK8tW4nB7cJ1hF5dS3aZ6pY0uE',
  githubInPath: 'ghp_Yw4Z9gQPQdZpAhit2tRqV02T3qGEIK3qhKRf',
  githubInSmokeCommand: 'ghp_Hc7Lq2Wm9Xv4Tn8Bk3Rj6Fd1Sz5Ap0Ye8Gu3',
} as const;

export function plantedChecklist(): string {
  const p = PLANTED;
  return `# Entregables para supervisor de producción

## 🔴 BLOQUERS ${p.slackInGroup} (2 items)

### 1. Deploy token ${p.githubInTitle} rotado
**Responsable**: ${p.githubInOwner}
**Deadline**: ${p.stripeInDeadline}
**Estado**: ⏳ Pendiente

- PR: [PEGAR ENLACE AL PR]
- Token: [${p.githubInBrackets}]
- Estado: [✅ PASSED / ${p.stripeInOption} / ❌ FAILED]
- Salida: [{"name": "AWS_SECRET_ACCESS_KEY", "value": "${p.awsInJson}"}]
- Auth: [Authorization: Bearer ${p.bearerOverBlank}]
- Runbook: \`docs/${p.githubInPath}/runbook.md\`

### 2. Segundo
**Responsable**: @ana
**Estado**: ⏳ Pendiente
- Captura: [PEGAR SCREENSHOT]

\`\`\`bash
# SMOKE TEST 1: /health
$ curl -s -H "Authorization: token ${p.githubInSmokeCommand}" https://staging.example.com/health
# Status: [PEGAR STATUS]
\`\`\`

## Resumen
- [ ] 1. Deploy token ${p.githubInTitle} rotado
- [ ] 2. Segundo
`;
}

/** The planted values found in a text, or any run of 12 of their characters (a long substring). */
export function leakedIn(text: string): string[] {
  const leaks: string[] = [];
  for (const [name, value] of Object.entries(PLANTED)) {
    for (let i = 0; i + 12 <= value.length; i++) {
      if (text.includes(value.slice(i, i + 12))) {
        leaks.push(`${name}: …${value.slice(i, i + 12)}…`);
        break;
      }
    }
  }
  return leaks;
}
