// Loaded into Prism's process (node --import): Prism exits as soon as the process that started it is gone, however
// that one ended (a signal to npm, to tsx or to the script, Ctrl-C, even SIGKILL). Its stdin is a pipe from the
// parent; the pipe closes only when the parent is gone, and Prism itself never reads stdin.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
