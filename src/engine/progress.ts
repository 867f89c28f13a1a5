/** Progress on a terminal: one rewritten line on stderr, silent when piped, in CI or with --quiet. */
export interface Progress {
  update(stage: string, done: number, total: number): void;
  done(): void;
}

export function terminalProgress(enabled: boolean): Progress {
  const stream = process.stderr;
  const on = enabled && stream.isTTY === true && !process.env.CI;
  let last = 0;
  return {
    update(stage, done, total) {
      if (!on) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      stream.write(`\r\x1b[2K${stage} ${done}/${total}`);
    },
    done() {
      if (on) stream.write('\r\x1b[2K');
    },
  };
}

export const silentProgress: Progress = { update() {}, done() {} };
