#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerate po/briefing.pot from the files in po/POTFILES.in and merge it into
# every translation listed in po/LINGUAS.
#
#   po/update-translations.sh              refresh briefing.pot and every .po
#   po/update-translations.sh --pot FILE   only write a fresh template to FILE
#                                          (used by tests/check-translations.py)
#
# The xgettext options are those of meson's i18n "glib" preset, so the result
# is the same as `meson compile -C BUILDDIR briefing-pot` without a build dir.
# After merging, translate the empty and "fuzzy" entries msgmerge leaves, then
# check with `msgfmt --check --statistics -o /dev/null po/LANG.po`.
set -eu

po_dir=$(cd "$(dirname "$0")" && pwd)
top_dir=$(dirname "$po_dir")
package=briefing

pot_only=
if [ "${1:-}" = "--pot" ]; then
  [ $# -eq 2 ] || { echo "usage: $0 [--pot FILE]" >&2; exit 2; }
  pot_only=$2
fi

make_pot () {
  # POTFILES.in: one path a line, relative to the top directory; # comments.
  list=$(mktemp)
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$po_dir/POTFILES.in" > "$list"
  xgettext --package-name="$package" \
    --msgid-bugs-address=https://github.com/briefingdesk/briefing/issues \
    -D "$top_dir" -f "$list" -o "$1" \
    --from-code=UTF-8 --add-comments \
    -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
    && status=0 || status=$?
  rm -f "$list"
  return $status
}

if [ -n "$pot_only" ]; then
  make_pot "$pot_only"
  exit $?
fi

make_pot "$po_dir/$package.pot"
echo "Wrote po/$package.pot: $(grep -c '^msgid ' "$po_dir/$package.pot") messages (with the header)"

for lang in $(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$po_dir/LINGUAS"); do
  po="$po_dir/$lang.po"
  if [ -f "$po" ]; then
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$po_dir/$package.pot"
  else
    msginit --no-translator --locale="$lang" --input="$po_dir/$package.pot" --output-file="$po"
  fi
  printf '%s: ' "$lang"
  msgfmt --check --statistics -o /dev/null "$po"
done
