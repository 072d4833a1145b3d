// JUnit XML, the report CI test tabs read (GitHub Actions reporters, GitLab, Jenkins,
// Azure DevOps): one <testsuite> of <testcase>s, each passed or with a <failure>,
// an <error> or <skipped>, and the counts on <testsuites> and <testsuite>.

export type JunitOutcome =
  | { readonly kind: 'passed' }
  | { readonly kind: 'failure'; readonly type: string; readonly message: string; readonly detail: string }
  | { readonly kind: 'error'; readonly type: string; readonly message: string }
  | { readonly kind: 'skipped'; readonly message: string };

export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  readonly seconds: number;
  readonly outcome: JunitOutcome;
}

export function junitReport(suiteName: string, cases: readonly JunitCase[], timestamp: Date, seconds: number): string {
  const count = (kind: JunitOutcome['kind']) => cases.filter((c) => c.outcome.kind === kind).length;
  const counts = `tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${seconds.toFixed(3)}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(suiteName)}" ${counts}>`,
    `  <testsuite name="${attribute(suiteName)}" ${counts} timestamp="${timestamp.toISOString().slice(0, 19)}">`,
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${attribute(c.classname)}" name="${attribute(c.name)}" time="${c.seconds.toFixed(3)}"`;
    const o = c.outcome;
    switch (o.kind) {
      case 'passed':
        lines.push(`${open}/>`);
        break;
      case 'failure':
        lines.push(
          `${open}>`,
          `      <failure message="${attribute(o.message)}" type="${attribute(o.type)}">${text(o.detail)}</failure>`,
          '    </testcase>',
        );
        break;
      case 'error':
        lines.push(
          `${open}>`,
          `      <error message="${attribute(o.message)}" type="${attribute(o.type)}"/>`,
          '    </testcase>',
        );
        break;
      case 'skipped':
        lines.push(`${open}>`, `      <skipped message="${attribute(o.message)}"/>`, '    </testcase>');
        break;
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab and line ends, lone surrogates) are dropped. */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function legal(value: string): string {
  return value.replace(XML_ILLEGAL, '');
}

function text(value: string): string {
  return legal(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
