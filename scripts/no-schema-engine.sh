#!/bin/sh
echo "The native Prisma schema engine is not used here: migrations run through @prisma/schema-engine-wasm (npm run db:create / db:deploy)." >&2
exit 1
