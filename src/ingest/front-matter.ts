/**
 * Front matter, read as YAML and nothing else. gray-matter picks an engine from the text after the
 * opening `---` (`---js` evaluates JavaScript), so a postmortem could run code in `check`; here the
 * fence is split by hand, any language tag is refused, and the YAML goes to the `yaml` package
 * with its limits (see yaml-source.ts). Postmortem authors and imported files are not trusted.
 */
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { echo } from './echo.ts';

export interface FrontMatter {
  /**
   * The YAML between the fences, preceded by one newline per line before it, so that a line in
   * `matter` is the same line in the file.
   */
  matter: string;
  /** Everything after the closing fence's line. */
  content: string;
  /** 1-based line of the file where `content` starts. */
  contentLine: number;
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(
  file: string,
  text: string,
): { frontMatter: FrontMatter | null; diagnostics: Diagnostic[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  const first = (lines[0] ?? '').replace(/\r$/, '');
  if (!first.startsWith('---')) return { frontMatter: null, diagnostics: [] };
  if (!FENCE.test(first)) {
    const tag = first.slice(3).trim();
    return {
      frontMatter: null,
      diagnostics: [
        diagnose(
          'front-matter-language',
          { file, line: 1, column: 4 },
          `front matter opens with "---${echo(tag)}": only YAML front matter is read, never ${tag === '' ? 'another language' : `"${echo(tag)}"`} (no code runs from content)`,
          'open the front matter with a line holding only --- and write the fields as YAML',
        ),
      ],
    };
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l.replace(/\r$/, '')));
  if (close < 0) {
    return {
      frontMatter: null,
      diagnostics: [
        diagnose(
          'front-matter-unclosed',
          { file, line: 1, column: 1 },
          'the front matter opened on line 1 is never closed',
          'end the front matter with a line holding only ---',
        ),
      ],
    };
  }
  const matter = `\n${lines
    .slice(1, close)
    .map((l) => l.replace(/\r$/, ''))
    .join('\n')}`;
  return {
    frontMatter: { matter, content: lines.slice(close + 1).join('\n'), contentLine: close + 2 },
    diagnostics: [],
  };
}
