#!/usr/bin/env bash
# Installs the Debian packages IZIS's test suite needs and a fresh machine lacks: Chromium (browser
# journeys), PostGIS for the PostgreSQL server (the DATABASE_URL tier), LibreOffice (PDF of the statutory
# forms and briefings; IZIS runs without it and says so), Liberation Serif — metric-compatible with Times New
# Roman, the font of the Decree 30 layout, with Vietnamese glyphs; without it the PDF substitutes DejaVu Serif,
# wider, and a form's table spills onto extra pages — and pg_dump/pg_restore for `izis backup` and `izis restore`
# on PostgreSQL (postgresql-client; GNU tar is part of every Debian). Idempotent; a no-op when all are
# present. Needs root (or passwordless sudo) only when something is missing.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/soffice ] || missing+=(libreoffice-writer libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 || missing+=(postgresql-client)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || missing+=(fonts-liberation2)
if command -v pg_config >/dev/null 2>&1 || [ -d /etc/postgresql ]; then
  dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || missing+=(postgresql-15-postgis-3)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "izis: installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
