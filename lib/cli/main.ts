// `trellis <command> ...`: a small table of sub-commands, each in its own module, loaded on demand.
type CommandModule = { run(args: string[]): Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  translate: { summary: 'translate FILE [--param-values FILE] [--json]   TOSCA VNFD -> Heat HOT', load: () => import('./translate') },
  policy: { summary: 'policy check < cases.jsonl                      evaluate oslo.policy cases', load: () => import('./policy') },
  'rotate-key': { summary: 'rotate-key                                     re-encrypt all VIM secrets under a new key', load: () => import('./rotate-key') },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const lines = Object.entries(commands).map(([n, c]) => `  trellis ${c.summary.startsWith(n) ? c.summary : `${n} ${c.summary}`}`);
    process.stderr.write(`usage:\n${lines.join('\n')}\n`);
    return name && name !== '--help' && name !== 'help' ? 2 : 0;
  }
  return (await command.load()).run(rest);
}
