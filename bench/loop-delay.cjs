// Preloaded into the local server by the bench's burst (node --require): records the event loop's delay and the
// process's CPU time, and writes them to BENCH_LOOP_DELAY_FILE four times a second; SIGUSR2 starts a new
// recording (e.g. after start-up). With --cpu-prof, SIGTERM exits normally so that the profile is written.
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
let cpuFrom = process.cpuUsage();
process.on('SIGUSR2', () => {
  histogram.reset();
  cpuFrom = process.cpuUsage();
});
if (process.execArgv.some((a) => a.startsWith('--cpu-prof'))) process.once('SIGTERM', () => process.exit(0));
const ms = (ns) => Math.round(ns / 1e4) / 100;
setInterval(() => {
  const cpu = process.cpuUsage(cpuFrom);
  const figures = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), cpuMs: (cpu.user + cpu.system) / 1000 };
  writeFileSync(process.env.BENCH_LOOP_DELAY_FILE, JSON.stringify(figures));
}, 250).unref();
