/** `npm run bench`: every benchmark, each printing a table, peers measured in the same run. */
import os from 'node:os';

console.log(`# Seimon benchmarks — ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}`);
const { runFrontendBench } = await import('./frontend.js');
await runFrontendBench();
const { runEmbeddingBench } = await import('./embedding.js');
await runEmbeddingBench();
const { runScoringBench } = await import('./scoring.js');
await runScoringBench();
const { runPopulationBench } = await import('./population.js');
await runPopulationBench();
