#!/usr/bin/env bash
# Proves that the .deb installs on a clean Debian 12 (bookworm) with apt, puts a launcher in place,
# and that the app it launches starts. On demand (`make deb-check`), not part of `make test`.
#
#   sudo scripts/check-deb-on-clean-debian.sh [path/to/CardCoins_<version>_amd64.deb]
#
# The .deb defaults to $CARGO_TARGET_DIR/release/bundle/deb/CardCoins_*.deb (from `make bundle`);
# this script never builds it. Needs root (debootstrap, chroot, mounts) and deb.debian.org.
#
# What it does, and why:
#   1. A minbase bookworm made by debootstrap: the smallest Debian with apt, so every library the
#      app needs must come through the .deb's dependencies (nothing is there by luck). It is made
#      once and kept pristine under $DEB_CHECK_CACHE (default /var/tmp/cardcoins-deb-check); every
#      pass works on a fresh copy. Downloaded packages are kept there too, so re-runs are quick.
#   2. apt installs the .deb inside it, twice, each time on a fresh copy:
#      - "depends-only": `apt-get install -y --no-install-recommends ./CardCoins_*.deb`. The strict
#        test: the Depends line alone must be enough (apt configured without Recommends, as in
#        many minimal and container installs, gets nothing more).
#      - "recommends": `apt-get install -y ./CardCoins_*.deb`, apt's default, what the README tells
#        people to run.
#      PASSES="recommends" (or "depends-only") runs one of them.
#   3. The launcher: a desktop entry from the package whose Exec is a binary the package installed,
#      whose Icon is installed under /usr/share/icons, and which desktop-file-validate accepts.
#      Every shared library of that binary must resolve inside the chroot.
#   4. The app started from that Exec line (plus --sandbox, the in-process practice server on
#      loopback, so no network is needed), as an ordinary user with a throwaway HOME, on a
#      virtual display (the host's Xvfb, its socket bound into the chroot, so no X server is
#      installed into the "clean" system). It must open a window named CardCoins within 30 s,
#      paint it, and still be running. No D-Bus session and no keyring run, as on a bare system:
#      the app must cope without a Secret Service.
#   5. A PASS/FAIL summary with the packages apt pulled in, the installed size and timings.
#      Screenshots, apt logs and app logs go to target/deb-check/<pass>/.
#
# Other settings: MIRROR (default http://deb.debian.org/debian), KEEP_CHROOT=1 keeps each used
# copy ($DEB_CHECK_CACHE/<pass>) for a look around, WINDOW_TIMEOUT (seconds, default 30).
set -euo pipefail

self=$(readlink -f "$0")
repo=$(cd "$(dirname "$self")/.." && pwd)

# Everything runs in a private mount namespace: the chroot's mounts are invisible to the rest of
# the machine and vanish with this process, even if it is killed before the trap can run.
if [[ -z "${DEB_CHECK_IN_NAMESPACE:-}" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "This needs root (debootstrap, chroot, mounts): sudo $0 $*" >&2
    exit 1
  fi
  # Resolve a relative .deb path before anything changes directory.
  args=()
  for arg in "$@"; do args+=("$(readlink -f "$arg")"); done
  export DEB_CHECK_IN_NAMESPACE=1
  exec unshare --mount --propagation private -- "$self" "${args[@]}"
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
t_start=$(now)

# --- The .deb under test -------------------------------------------------------------------------
target_dir=${CARGO_TARGET_DIR:-$repo/target}
if (($# > 1)); then
  echo "usage: $0 [path/to/CardCoins_<version>_amd64.deb]" >&2
  exit 2
elif (($# == 1)); then
  deb=$1
else
  shopt -s nullglob
  debs=("$target_dir"/release/bundle/deb/CardCoins_*.deb)
  shopt -u nullglob
  if ((${#debs[@]} != 1)); then
    echo "Expected one $target_dir/release/bundle/deb/CardCoins_*.deb (found ${#debs[@]}):" >&2
    echo "run \`make bundle\` first, or pass the .deb to check." >&2
    exit 2
  fi
  deb=${debs[0]}
fi
[[ -f $deb ]] || { echo "No such .deb: $deb" >&2; exit 2; }
deb_name=$(basename "$deb")
package=$(dpkg-deb -f "$deb" Package)
say "Checking $deb ($package $(dpkg-deb -f "$deb" Version), $(stat -c %s "$deb") bytes)"
echo "    Depends: $(dpkg-deb -f "$deb" Depends)"
echo "    Recommends: $(dpkg-deb -f "$deb" Recommends)"

passes=${PASSES:-depends-only recommends}
for pass in $passes; do
  [[ $pass == depends-only || $pass == recommends ]] ||
    { echo "PASSES takes depends-only and/or recommends, not '$pass'" >&2; exit 2; }
done

# --- Tools on the host (not in the chroot: they are not part of what is tested) ------------------
host_tools=(debootstrap:debootstrap Xvfb:xvfb xdotool:xdotool import:imagemagick
  identify:imagemagick xwininfo:x11-utils desktop-file-validate:desktop-file-utils)
missing=()
for pair in "${host_tools[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if ((${#missing[@]})); then
  say "Installing on the host: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $(printf '%s\n' "${missing[@]}" | sort -u)
fi

mirror=${MIRROR:-http://deb.debian.org/debian}
cache=${DEB_CHECK_CACHE:-/var/tmp/cardcoins-deb-check}
pristine=$cache/bookworm-minbase
out=$repo/target/deb-check
rm -rf "$out"
mkdir -p "$cache/apt-archives/partial" "$out"

# --- Cleanup: stop what runs in the chroot, unmount, delete the copy ------------------------------
xvfb_pid=""
app_pid=""
root=""
mounted=()
end_pass() {
  [[ -n $app_pid ]] && kill -- -"$app_pid" 2>/dev/null
  app_pid=""
  [[ -n $root ]] || return 0
  # Anything still running with its root in the copy (the app's WebKit helpers, a stray
  # postinst daemon): only processes this script started can live there.
  local proc found=0
  for proc in /proc/[0-9]*; do
    if [[ $(readlink "$proc/root" 2>/dev/null) == "$root" ]]; then
      kill -9 "${proc#/proc/}" 2>/dev/null && found=1
    fi
  done
  ((found)) && sleep 0.5
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"
  done
  mounted=()
  # Never delete through a mount point (a bound /dev would take the host's device nodes with it).
  if grep -q " $root/" /proc/self/mounts; then
    echo "Something is still mounted under $root; not deleting it." >&2
  elif [[ -z ${KEEP_CHROOT:-} ]]; then
    rm -rf --one-file-system "$root"
  else
    echo "Kept the used system at $root (KEEP_CHROOT)."
  fi
  root=""
}
cleanup() {
  local status=$?
  set +e
  end_pass
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bind() { # bind SOURCE TARGET-inside-root
  mkdir -p "$root$2"
  mount --bind "$1" "$root$2"
  mounted+=("$root$2")
}
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }
installed_packages() {
  in_root dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }' | sort
}
# Disk used by the system, the bound download cache aside.
disk_used() { du -sx --exclude="$root/var/cache/apt/archives" --block-size=1K "$root" | cut -f1; }

# --- 1. A clean Debian 12, made once ------------------------------------------------------------
if [[ ! -f $pristine.ok ]]; then
  say "Making a minbase Debian 12 with debootstrap (once; kept in $pristine)"
  t0=$(now)
  rm -rf --one-file-system "$pristine" "$pristine.tmp"
  debootstrap --variant=minbase --arch=amd64 bookworm "$pristine.tmp" "$mirror" \
    >"$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  # The suites a freshly installed Debian 12 has.
  cat >"$pristine.tmp/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
  # No service may start inside the chroot when a postinst asks (dbus, for instance).
  printf '#!/bin/sh\nexit 101\n' >"$pristine.tmp/usr/sbin/policy-rc.d"
  chmod 755 "$pristine.tmp/usr/sbin/policy-rc.d"
  rm -f "$pristine.tmp"/var/cache/apt/archives/*.deb
  mv "$pristine.tmp" "$pristine"
  touch "$pristine.ok"
  echo "    debootstrap took $(secs "$t0" "$(now)") s"
fi

# The host's Xvfb for every pass; -displayfd picks a free display number.
rm -f "$cache/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$cache/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [[ -s $cache/display ]] && break; sleep 0.1; done
[[ -s $cache/display ]] || { echo "Xvfb did not start (see $out/xvfb.log)" >&2; exit 1; }
export DISPLAY=":$(head -1 "$cache/display")"

report=()
failed=0

# --- One pass: fresh copy, apt install, launcher, start -------------------------------------------
run_pass() {
  local pass=$1
  local pass_out=$out/$pass
  local results=()
  check() { # check NAME OK(0|1) DETAIL
    if [[ $2 == 1 ]]; then results+=("PASS  $1: $3"); else results+=("FAIL  $1: $3"); failed=1; fi
  }
  mkdir -p "$pass_out"
  local shown=target/deb-check/$pass

  local t0 t_system t_install t_window=""
  t0=$(now)
  root=$cache/$pass
  rm -rf --one-file-system "$root"
  cp -a "$pristine" "$root"
  t_system=$(secs "$t0" "$(now)")

  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
  bind /dev /dev
  bind /dev/pts /dev/pts
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && mounted+=("$root/dev/shm")
  # Downloaded packages survive between runs (apt still resolves and installs every one).
  bind "$cache/apt-archives" /var/cache/apt/archives
  bind /tmp/.X11-unix /tmp/.X11-unix
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  in_root chown -R _apt:root /var/cache/apt/archives/partial

  # --- 2. apt installs the .deb -----------------------------------------------------------------
  in_root apt-get update -qq
  installed_packages >"$cache/before.txt"
  local packages_before used_before debian_version
  packages_before=$(wc -l <"$cache/before.txt")
  used_before=$(disk_used)
  debian_version=$(cat "$root/etc/debian_version")
  install -m 644 "$deb" "$root/tmp/$deb_name"
  local apt_options=(-y)
  [[ $pass == depends-only ]] && apt_options+=(--no-install-recommends)
  local command_shown="apt-get install ${apt_options[*]} ./$deb_name"
  say "[$pass] $command_shown (in a clean Debian $debian_version with $packages_before packages)"
  t0=$(now)
  local install_ok=1
  in_root sh -c "cd /tmp && $command_shown" >"$pass_out/apt-install.log" 2>&1 || install_ok=0
  t_install=$(secs "$t0" "$(now)")
  grep -E '^(Need to get|After this operation|[0-9]+ upgraded)' "$pass_out/apt-install.log" | sed 's/^/    /' || true
  ((install_ok)) || tail -30 "$pass_out/apt-install.log" >&2

  installed_packages >"$cache/after.txt"
  comm -13 "$cache/before.txt" "$cache/after.txt" >"$pass_out/packages-pulled-in.txt"
  local packages_new used_after archives app_kib deps_kib webkit
  packages_new=$(wc -l <"$pass_out/packages-pulled-in.txt")
  used_after=$(disk_used)
  # apt's "Need to get A/B of archives": B is the whole set, this .deb included.
  archives=$(sed -n 's|^Need to get \(.*/\)\{0,1\}\([0-9.,]* [kMG]\{0,1\}B\) of archives.*|\2|p' "$pass_out/apt-install.log")
  app_kib=$(in_root dpkg-query -W -f='${Installed-Size}' "$package" 2>/dev/null || echo 0)
  deps_kib=$({ grep -vx "$package" "$pass_out/packages-pulled-in.txt" || true; } |
    xargs -r chroot "$root" dpkg-query -W -f='${Installed-Size}\n' | awk '{ s += $1 } END { print s + 0 }')
  webkit=$(in_root dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo none)

  local status
  status=$(in_root dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
  if ((install_ok)) && [[ $status == "ii " ]]; then
    check "apt install" 1 "$command_shown: $package installed (WebKitGTK $webkit)"
  else
    check "apt install" 0 "$command_shown failed (dpkg state '${status:-absent}'); see $shown/apt-install.log"
  fi

  # --- 3. The launcher ---------------------------------------------------------------------------
  local exec_line="" exec_path="" desktop_files desktop name icon icons validate valid
  desktop_files=$(in_root dpkg -L "$package" 2>/dev/null | grep -E '^/usr/share/applications/[^/]+\.desktop$' || true)
  if [[ -z $desktop_files ]]; then
    check "desktop entry" 0 "no /usr/share/applications/*.desktop from $package"
  else
    desktop=$(head -1 <<<"$desktop_files")
    entry() { sed -n "/^\[Desktop Entry\]/,/^\[/ s/^$1=//p" "$root$desktop" | head -1; }
    name=$(entry Name) exec_line=$(entry Exec) icon=$(entry Icon)
    validate=$(desktop-file-validate "$root$desktop" 2>&1) && valid=1 || valid=0
    check "desktop entry" "$valid" "$desktop (Name=$name)${validate:+; desktop-file-validate: $validate}"

    # Exec: the first word must be a program this package installed.
    local exec_program=${exec_line%% *}
    exec_path=$(in_root sh -c "command -v '$exec_program'" || true)
    if [[ -n $exec_path && -x $root$exec_path ]] && in_root dpkg -S "$exec_path" 2>/dev/null | grep -q "^$package:"; then
      check "Exec" 1 "Exec=$exec_line -> $exec_path, installed by $package"
    else
      check "Exec" 0 "Exec=$exec_line does not resolve to a program installed by $package"
      exec_path=""
    fi

    # Icon: a theme name with a file under /usr/share/icons (or an absolute path).
    if [[ $icon == /* ]]; then
      icons=$([[ -f $root$icon ]] && echo "$icon" || true)
    else
      icons=$(cd "$root" && find usr/share/icons usr/share/pixmaps \( -name "$icon.png" -o -name "$icon.svg" -o -name "$icon.xpm" \) 2>/dev/null | sort || true)
    fi
    if [[ -n $icons ]]; then
      check "Icon" 1 "Icon=$icon: $(wc -l <<<"$icons") files ($(sed 's|^usr/share/icons/||' <<<"$icons" | tr '\n' ' ' | sed 's/ $//'))"
    else
      check "Icon" 0 "Icon=$icon: no file under /usr/share/icons"
    fi

    # Every shared library of the binary found inside the chroot.
    if [[ -n $exec_path ]]; then
      local unresolved libraries
      unresolved=$(in_root ldd "$exec_path" 2>&1 | grep 'not found' || true)
      libraries=$(in_root ldd "$exec_path" 2>/dev/null | grep -c '=>' || true)
      if [[ -z $unresolved ]]; then
        check "libraries" 1 "all $libraries shared libraries of $exec_path resolve"
      else
        check "libraries" 0 "unresolved: $(tr -s ' \t\n' ' ' <<<"$unresolved")"
      fi
    fi
  fi

  # --- 4. Start the app from its launcher's Exec line ------------------------------------------
  local screenshot=$pass_out/window.png
  if [[ -n $exec_path ]]; then
    # A throwaway user with a throwaway HOME and runtime folder, as in a desktop session.
    in_root useradd --create-home --shell /bin/sh tester
    in_root install -d -o tester -g tester -m 700 /tmp/home /tmp/runtime
    # The Exec line without its field codes (%f, %U, ...), plus --sandbox.
    local command
    command=$(sed -E 's/ ?%[fFuUdDnNickvm]//g' <<<"$exec_line")
    say "[$pass] starting \`$command --sandbox\` as an ordinary user on $DISPLAY"
    t0=$(now)
    setsid chroot --userspec=tester:tester "$root" /usr/bin/env -i \
      PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/runtime \
      USER=tester LOGNAME=tester LANG=C.UTF-8 DISPLAY="$DISPLAY" \
      sh -c "exec $command --sandbox" >"$pass_out/app.log" 2>&1 &
    app_pid=$! # setsid, chroot, env and sh all exec: this is the app's pid and process group

    local window="" deadline
    deadline=$(($(date +%s) + ${WINDOW_TIMEOUT:-30}))
    while (($(date +%s) < deadline)) && kill -0 "$app_pid" 2>/dev/null; do
      window=$(xdotool search --all --onlyvisible --pid "$app_pid" --name '^CardCoins' 2>/dev/null | head -1 || true)
      [[ -n $window ]] && break
      sleep 0.25
    done
    if [[ -n $window ]]; then
      t_window=$(secs "$t0" "$(now)")
      local title geometry colours=0 paint_deadline
      title=$(xdotool getwindowname "$window" 2>/dev/null || echo '?')
      geometry=$(xwininfo -id "$window" 2>/dev/null | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }' || true)
      check "window" 1 "\"$title\" ($geometry) mapped ${t_window} s after launch"
      # The web view paints after the window maps: wait until the window shows more than a blank
      # page (many colours), then a moment more for fonts and layout to settle.
      paint_deadline=$(($(date +%s) + 20))
      while (($(date +%s) < paint_deadline)) && kill -0 "$app_pid" 2>/dev/null; do
        colours=$(import -silent -window "$window" png:- 2>/dev/null | identify -format '%k' - 2>/dev/null || echo 0)
        ((colours >= 64)) && break
        sleep 0.5
      done
      sleep 2
      import -silent -window root "$screenshot"
      colours=$(identify -format '%k' "$screenshot")
      if ((colours >= 64)) && kill -0 "$app_pid" 2>/dev/null; then
        check "painted" 1 "$colours colours on screen and still running; $shown/window.png"
      else
        check "painted" 0 "$colours colours on screen (blank?) or the app exited; see $shown/window.png and app.log"
      fi
    elif kill -0 "$app_pid" 2>/dev/null; then
      import -silent -window root "$screenshot" || true
      check "window" 0 "no window named CardCoins within ${WINDOW_TIMEOUT:-30} s; see $shown/app.log"
    else
      local code
      wait "$app_pid" && code=0 || code=$?
      app_pid=""
      check "window" 0 "the app exited with status $code before opening a window; see $shown/app.log"
    fi
  else
    check "window" 0 "not started: nothing to launch"
  fi
  end_pass

  report+=("" "== [$pass] CardCoins .deb on a clean Debian $debian_version (debootstrap minbase, $packages_before packages) ==")
  local line
  for line in "${results[@]}"; do report+=("  $line"); done
  report+=("  apt pulled in $((packages_new - 1)) packages besides $package; list: $shown/packages-pulled-in.txt")
  report+=("  archives: ${archives:-?} (the .deb included); installed: $package $(mib "$app_kib"), with what apt pulled in $(mib $((app_kib + deps_kib))) (disk: +$(mib $((used_after - used_before))))")
  report+=("  time: fresh copy ${t_system} s, $command_shown ${t_install} s, launch to window ${t_window:-?} s")
  if [[ -s $pass_out/app.log ]]; then
    report+=("  app log ($shown/app.log), last lines:")
    while IFS= read -r line; do report+=("    $line"); done < <(tail -4 "$pass_out/app.log" | sed 's/\x1b\[[0-9;]*m//g')
  fi
}

for pass in $passes; do
  run_pass "$pass"
done

printf '%s\n' "${report[@]}"
echo
echo "total $(secs "$t_start" "$(now)") s"
if ((failed)); then
  echo "FAIL"
  exit 1
fi
echo "PASS"
