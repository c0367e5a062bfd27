#!/bin/sh
# Install what a fresh machine lacks (Debian packages, then the workspace), idempotently.
# Debian: chromium (PDF, browser tests), poppler-utils (PDF checks), a JRE (epubcheck, vnu),
# pandoc and mupdf-tools (benchmark baseline, PDF outline checks). Never downloads a browser.
set -eu
cd "$(dirname "$0")/.."
export PUPPETEER_SKIP_DOWNLOAD=1
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
command -v pandoc >/dev/null 2>&1 || need="$need pandoc"
command -v mutool >/dev/null 2>&1 || need="$need mupdf-tools"
if [ -n "$need" ]; then
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need fonts-dejavu-core >/dev/null
fi
npx -y pnpm@10.34.9 install --frozen-lockfile --reporter=append-only
