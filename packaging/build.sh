#!/usr/bin/env bash
# Builds Hearth's Linux app image and .deb with a jlink runtime holding only the modules it
# needs. Run from anywhere: packaging/build.sh [--image-only]
#
#   target/packaging/image/hearth/          the app image (bin/hearth, bin/hearth-worker)
#   target/packaging/out/hearth_<v>_amd64.deb
#
# Needs a JDK 17 (jdeps, jlink, jpackage), Maven, and for the .deb dpkg-deb and fakeroot.
# packaging/README.md explains each step and the Windows and macOS builds.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/packaging
IMAGE_ONLY=false
[[ "${1:-}" == "--image-only" ]] && IMAGE_ONLY=true

step() { printf '== %s\n' "$*"; }

# The first <version> of the pom is the project's: it has no parent.
VERSION=$(sed -n 's:^    <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
[[ -n "$VERSION" ]] || { echo "build.sh: no project version in pom.xml" >&2; exit 1; }

step "Hearth $VERSION: jar and dependencies (Maven)"
rm -rf "$WORK"
mkdir -p "$WORK"/{deps,fx,input/native,javafx-native}
mvn -q -B -DskipTests package dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$WORK/deps"
cp "target/hearth-$VERSION.jar" "$WORK/input/hearth.jar"

# JavaFX goes into the runtime as modules, from its platform jars; the empty jars without a
# classifier only point at them. Everything else stays on the class path.
for jar in "$WORK"/deps/*.jar; do
    case "$(basename "$jar")" in
        javafx-*-linux.jar) cp "$jar" "$WORK/fx/" ;;
        javafx-*) ;;
        *) cp "$jar" "$WORK/input/" ;;
    esac
done

step "Engine library unpacked once, for -Dde.kherud.llama.lib.path"
# The worker launcher loads the library from lib/app/native, so no worker start extracts it
# again; the binding's jar is repacked without its libraries for every other system.
LLAMA_JAR=$(ls "$WORK"/input/llama-*.jar)
unzip -q -j -o "$LLAMA_JAR" 'de/kherud/llama/Linux/x86_64/libjllama.so' -d "$WORK/input/native"
rm -rf "$WORK/llama-classes"
unzip -q "$LLAMA_JAR" -d "$WORK/llama-classes"
rm -rf "$WORK"/llama-classes/de/kherud/llama/{Linux,Linux-Android,Mac,Windows}
rm "$LLAMA_JAR"
jar --create --no-manifest --file "$LLAMA_JAR" -C "$WORK/llama-classes" .

step "Modules (jdeps)"
MODULES=$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$WORK/fx" --class-path "$WORK/input/*" "$WORK"/input/*.jar)
echo "$MODULES"

step "Runtime (jlink)"
# The JavaFX jars carry their native libraries as resources, which JavaFX would unpack to
# ~/.openjfx/cache at run time. Left out of the module image and put in lib/ instead, they
# load from java.home/lib, and jpackage sees what they link against.
jlink --module-path "$WORK/fx" --add-modules "$MODULES" \
    --exclude-resources '**.so' \
    --strip-java-debug-attributes --strip-native-debug-symbols exclude-debuginfo-files \
    --no-header-files --no-man-pages --generate-cds-archive \
    --output "$WORK/runtime"
unzip -q -j -o "$WORK"/fx/javafx-graphics-*-linux.jar '*.so' -d "$WORK/runtime/lib"
# Only a JVM whose heap is over 32 GB uses this second archive; the worker's is 256 MB.
rm -f "$WORK/runtime/lib/server/classes_nocoops.jsa"
# No bin/java, as in jpackage's own runtimes: the worker can only start through its launcher.
# (jlink's --strip-native-commands would also drop the java that makes the CDS archive.)
rm -rf "$WORK/runtime/bin"
sed -n 's/^MODULES=//p' "$WORK/runtime/release"

step "App image (jpackage)"
jpackage --type app-image @packaging/common.args @packaging/app.args @packaging/linux.args \
    --app-version "$VERSION" --input "$WORK/input" --runtime-image "$WORK/runtime" \
    --dest "$WORK/image"
du -sh "$WORK/image/hearth"

if $IMAGE_ONLY; then
    exit 0
fi

step ".deb (jpackage)"
# Built from the same inputs, not from the image: packaged from an image, jpackage 17 forgets
# the worker launcher's linux-shortcut=false and gives it a menu entry.
jpackage --type deb @packaging/common.args @packaging/app.args @packaging/linux.args \
    @packaging/linux-deb.args \
    --app-version "$VERSION" --input "$WORK/input" --runtime-image "$WORK/runtime" \
    --dest "$WORK/out"
ls -l "$WORK"/out/*.deb
