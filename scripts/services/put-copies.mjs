// Uploads one (large) file to a bucket of the local S3 server in 8 MiB parts, then server-side
// copies it to more keys (for scripts/bench-s3-memory.sh). fauxqs keeps objects in memory, and a
// copy shares the source's buffer, so N copies of a large object cost the server one.
//   node put-copies.mjs ENDPOINT BUCKET FILE KEY [KEY...]
import { open } from "node:fs/promises";
import {
  S3Client, CreateBucketCommand, CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand, CopyObjectCommand,
} from "@aws-sdk/client-s3";

const [endpoint, bucket, file, ...keys] = process.argv.slice(2);
const s3 = new S3Client({
  endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  requestChecksumCalculation: "WHEN_REQUIRED",
});

try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
} catch (error) {
  if (error.name !== "BucketAlreadyOwnedByYou" && error.name !== "BucketAlreadyExists") throw error;
}
const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: keys[0] }));
const handle = await open(file, "r");
const parts = [];
const size = 8 * 1024 * 1024;
for (let number = 1; ; number++) {
  const buffer = Buffer.alloc(size);
  const { bytesRead } = await handle.read(buffer, 0, size, null);
  if (bytesRead === 0) break;
  const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: keys[0], UploadId, PartNumber: number, Body: buffer.subarray(0, bytesRead) }));
  parts.push({ ETag, PartNumber: number });
}
await handle.close();
await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: keys[0], UploadId, MultipartUpload: { Parts: parts } }));
for (const key of keys.slice(1)) {
  await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: `${bucket}/${keys[0]}` }));
}
console.log(`uploaded ${keys.length} objects to s3://${bucket}/`);
