// Uploads a folder to a bucket of the local S3 server, keeping relative paths as keys
// (for scripts/bench-s3.sh). Uses the AWS SDK for JavaScript that fauxqs brings along.
//   node upload-dir.mjs ENDPOINT BUCKET DIR
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { S3Client, CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";

const [endpoint, bucket, dir] = process.argv.slice(2);
const s3 = new S3Client({
  endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  // Plain uploads: the local server would otherwise keep aws-chunked checksum framing in the object.
  requestChecksumCalculation: "WHEN_REQUIRED",
});

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!entry.name.startsWith(".")) yield path;
  }
}

try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
} catch (error) {
  if (error.name !== "BucketAlreadyOwnedByYou" && error.name !== "BucketAlreadyExists") throw error;
}
let count = 0;
const pending = new Set();
for await (const path of files(dir)) {
  const key = relative(dir, path).split(sep).join("/");
  const upload = readFile(path).then((body) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })));
  pending.add(upload);
  upload.finally(() => pending.delete(upload));
  if (pending.size >= 16) await Promise.race(pending);
  count++;
}
await Promise.all(pending);
console.log(`uploaded ${count} objects to s3://${bucket}/`);
