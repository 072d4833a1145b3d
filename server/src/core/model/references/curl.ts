// The files a curl command reads: `-F "image=@./test/fixture.jpg"`, `-d @body.json`,
// `--data-binary @payload.bin`, `-T upload.tar`. Only the path is returned, with
// where it stands in the scanned text.

export interface CurlFile {
  /** As written, without quotes or the `@`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// `@file` after a form field name or a data option; a plain path after an upload or config option.
const FORM_FILE = /(?:^|\s)(?:-F|--form)\s*["']?[^\s="'@]+=@([^\s"';]+)/dg;
const DATA_FILE = /(?:^|\s)(?:-d|--data|--data-binary|--data-ascii|--data-urlencode|--json)\s*["']?@([^\s"']+)/dg;
const OPTION_FILE = /(?:^|\s)(?:-T|--upload-file|-K|--config|--cacert|--cert|--key)\s+["']?([^\s"']+)/dg;

export function curlFiles(text: string): CurlFile[] {
  const found: CurlFile[] = [];
  for (const pattern of [FORM_FILE, DATA_FILE, OPTION_FILE]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      const at = match.indices?.[1];
      // stdin (`@-`), shell variables, templates and absolute paths say nothing about the repository.
      if (!at || value === '' || value.startsWith('-') || value.startsWith('/') || /[$<>{}]|:\/\//.test(value))
        continue;
      found.push({ text: value, start: at[0], end: at[1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Does this line run curl (or continue a command that does)? */
export const CURL_COMMAND = /(?:^|[\s$;|&(])curl\s/;
