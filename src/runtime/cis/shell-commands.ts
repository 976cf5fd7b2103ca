/**
 * Shell commands of an image's history, for the checks that read Dockerfile RUN lines. Builders record them as
 * `/bin/sh -c CMD` (classic), `RUN /bin/sh -c CMD # buildkit` (BuildKit), `|2 A=b C=d /bin/sh -c CMD` (with build
 * args) or `/bin/sh -c #(nop) INSTRUCTION` for non-RUN instructions. Splitting is on shell control operators, which
 * is enough for the patterns checked (it is not a shell parser; quoted operators may split a command wrongly).
 */

/** One history line, classified. */
export type HistoryInstruction =
  | { kind: 'run'; commands: string[][] }
  | { kind: 'other'; instruction: string; args: string }
  | { kind: 'empty' };

/** Classifies a `created_by` line. */
export function parseHistoryLine(createdBy: string): HistoryInstruction {
  let text = createdBy.trim().replace(/\s+# buildkit$/, '');
  if (!text) return { kind: 'empty' };
  const nop = /#\(nop\)\s*(\w+)\s*(.*)$/s.exec(text);
  if (nop) return { kind: 'other', instruction: (nop[1] ?? '').toUpperCase(), args: (nop[2] ?? '').trim() };
  const instruction = /^([A-Z]+)\s+(.*)$/s.exec(text);
  if (instruction && instruction[1] !== 'RUN') {
    return { kind: 'other', instruction: instruction[1] ?? '', args: (instruction[2] ?? '').trim() };
  }
  text = text.replace(/^RUN\s+/, '').replace(/^\|\d+(\s+\S+=\S*)*\s+/, '');
  text = text.replace(/^\/bin\/(ba)?sh\s+-c\s+/, '');
  return { kind: 'run', commands: splitCommands(text) };
}

/** Splits a shell line into commands (on `&&`, `||`, `;`, `|`, newlines) and each into words, env prefixes dropped. */
export function splitCommands(line: string): string[][] {
  return line
    .split(/&&|\|\||;|\||\n/)
    .map((command) =>
      command
        .trim()
        .replace(/^[({]\s*/, '')
        .split(/\s+/)
        .filter(Boolean),
    )
    .map(dropPrefixes)
    .filter((words) => words.length > 0);
}

/** Drops `VAR=value` assignments, `sudo`/`env`/`exec` wrappers and their flags before the real command. */
function dropPrefixes(words: string[]): string[] {
  let index = 0;
  while (index < words.length) {
    const word = words[index] as string;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || word === 'env' || word === 'exec' || word === 'sudo') index++;
    else if (index > 0 && word.startsWith('-') && ['sudo', 'env'].includes(words[index - 1] as string)) index++;
    else break;
  }
  return words.slice(index);
}

/** The package manager and subcommand of a command (`apt-get -qq update` → [`apt-get`, `update`]). */
export function packageManagerCommand(words: readonly string[]): [string, string] | undefined {
  const tool = (words[0] ?? '').split('/').pop() ?? '';
  if (!['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper'].includes(tool)) return undefined;
  const subcommand = words.slice(1).find((word) => !word.startsWith('-'));
  return subcommand ? [tool, subcommand] : undefined;
}
