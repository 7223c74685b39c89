// S3 and SQS API server for ActivityWatch's tests: fauxqs bound to loopback only.
// fauxqs's own CLI and startFauxqs() listen on 0.0.0.0; buildApp() + listen() lets us pick the
// address. fauxqs 1.9.2 is the newest release that runs on Debian 12's Node 20 (2.x imports
// node:sqlite, which Node 20 lacks).
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "45661", 10);
const app = buildApp({ logger: false });
await app.listen({ port, host: "127.0.0.1" });
console.log(`s3-sqs listening on http://127.0.0.1:${port}`);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, async () => {
    await app.close();
    process.exit(0);
  });
}
