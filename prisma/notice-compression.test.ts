import { expect, test } from "vitest";
import { useTestDb } from "@/test/db";

const db = useTestDb();

test("a notice's stored email and content are compressed with lz4 where the server has it, with the default elsewhere", async () => {
  const [setting] = await db.$queryRaw<{ lz4: boolean }[]>`
    SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`;
  const columns = await db.$queryRaw<{ name: string; compression: string }[]>`
    SELECT attname AS name, attcompression::text AS compression FROM pg_attribute
    WHERE attrelid = '"Notice"'::regclass AND attname IN ('html', 'text', 'content') ORDER BY attname`;
  const expected = setting?.lz4 ? "l" : "";
  expect(columns).toEqual([
    { name: "content", compression: expected },
    { name: "html", compression: expected },
    { name: "text", compression: expected },
  ]);
});
