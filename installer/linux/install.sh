#!/bin/sh
# Installs Upskill Planner for you alone: no administrator password needed.
#
#   ./install.sh              install, or update an earlier installation
#   ./install.sh --uninstall  remove the app again (your data files are kept)
#
# The app goes to ~/.local/share/upskill-planner, a command to ~/.local/bin, and the
# menu entry, icon and .upskill file type to the usual places under ~/.local/share.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target="$data_home/upskill-planner"
bin_dir="$HOME/.local/bin"
apps="$data_home/applications"
icons="$data_home/icons/hicolor"
mime="$data_home/mime"
metainfo="$data_home/metainfo"
name=upskill-planner
app_id=io.github.upskillplanner.UpskillPlanner

refresh() {
    # Let the desktop see the menu entry, the icon and the file type (if the tools exist).
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$apps" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
        gtk-update-icon-cache --force --quiet "$icons" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$target"
    rm -f "$bin_dir/$name" "$apps/$name.desktop" "$mime/packages/$name.xml" \
        "$metainfo/$app_id.metainfo.xml" "$icons/scalable/apps/$name.svg"
    for icon in "$icons"/*/apps/"$name".png; do
        rm -f "$icon"
    done
    refresh
    echo "Upskill Planner is removed. Your data files were not touched."
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

# The app itself: copied next to the old one first, so a failed copy changes nothing.
if [ "$here" != "$target" ]; then
    mkdir -p "$data_home"
    rm -rf "$target.new"
    cp -R "$here" "$target.new"
    rm -rf "$target"
    mv "$target.new" "$target"
fi

mkdir -p "$bin_dir" "$apps" "$mime/packages" "$metainfo"
ln -sf "$target/$name" "$bin_dir/$name"

# The menu entry runs the installed launcher by its full path (~/.local/bin is not on
# every desktop's PATH).
sed "s|^Exec=.*|Exec=\"$target/$name\" %f|" "$target/$name.desktop" > "$apps/$name.desktop"
chmod 644 "$apps/$name.desktop"

for folder in "$target"/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$folder")")
    mkdir -p "$icons/$size/apps"
    cp "$folder"/* "$icons/$size/apps/"
done
cp "$target/$name-mime.xml" "$mime/packages/$name.xml"
cp "$target/$app_id.metainfo.xml" "$metainfo/"
refresh

echo "Upskill Planner is installed: find it in your applications menu,"
echo "or run $bin_dir/$name"
case ":$PATH:" in
*":$bin_dir:"*) ;;
*) echo "($bin_dir is not on your PATH; the menu entry works regardless.)" ;;
esac
