#!/usr/bin/env bash
# Installs what PhotonFarm needs on this machine, only what is missing:
#   - a JDK 17+ and Maven 3.8+;
#   - the Vulkan loader and, when no Vulkan driver is present, Mesa's lavapipe (a CPU Vulkan device);
#   - with --tests: the Khronos validation layer (leak and misuse checks in the tests), and Chromium
#     with its driver (the web UI's browser tests run headless Chromium).
# Debian/Ubuntu with apt-get, as root or with passwordless sudo. Anywhere else it says what to
# install by hand and exits with status 3.
set -euo pipefail

want_tests=0
for arg in "$@"; do
  case "$arg" in
    --tests) want_tests=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup: unknown option '$arg' (known: --tests)" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }

missing=()
java_major() { java -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  missing+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)

has_vulkan_loader() { ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'; }
has_vulkan_driver() {
  [ -n "${VK_DRIVER_FILES:-}${VK_ICD_FILENAMES:-}" ] && return 0
  local d
  for d in /usr/share/vulkan/icd.d /etc/vulkan/icd.d /usr/local/share/vulkan/icd.d; do
    ls "$d"/*.json >/dev/null 2>&1 && return 0
  done
  return 1
}
has_vulkan_loader || missing+=(libvulkan1)
has_vulkan_driver || missing+=(mesa-vulkan-drivers)
if [ "$want_tests" = 1 ] && [ ! -e /usr/share/vulkan/explicit_layer.d/VkLayer_khronos_validation.json ]; then
  missing+=(vulkan-validationlayers)
fi
if [ "$want_tests" = 1 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fi

if [ ${#missing[@]} -eq 0 ]; then
  say "everything needed is installed"
  exit 0
fi

say "missing: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  say "this is not a Debian-like system (no apt-get). Install by hand: a JDK 17+, Maven 3.8+,"
  say "the Vulkan loader (libvulkan.so.1) and a Vulkan driver (your GPU's, or Mesa's lavapipe);"
  say "for the tests also Chromium and chromedriver at /usr/bin/chromium and /usr/bin/chromedriver."
  exit 3
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    say "installing needs root. Run as root, or: sudo apt-get install ${missing[*]}"
    exit 3
  fi
fi
export DEBIAN_FRONTEND=noninteractive
say "installing ${missing[*]} with apt-get"
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if ! has_vulkan_loader || ! has_vulkan_driver; then
  say "the Vulkan loader or driver is still missing after installing; see 'farm devices'"
  exit 3
fi
if [ "$want_tests" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "Chromium or chromedriver is still missing after installing (the browser tests need both)"
  exit 3
fi
say "installed ${missing[*]}"
