#!/usr/bin/env bash
# Builds Hearth's app image and installer with a jlink runtime holding only the modules it
# needs. Run from anywhere: packaging/build.sh [--image-only]
#
#   target/packaging/image/hearth/     the app image (Hearth/ on Windows, Hearth.app on macOS)
#   target/packaging/out/              hearth_<version>-1_amd64.deb (.msi, .dmg)
#
# Needs a JDK 17 (jdeps, jlink, jpackage, jar) and Maven; for the .deb also dpkg-deb and
# fakeroot. Linux is built and checked in CI; the Windows and macOS branches
# follow the same steps but have not been run yet (packaging/README.md).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/packaging
IMAGE_ONLY=false
[[ "${1:-}" == "--image-only" ]] && IMAGE_ONLY=true

step() { printf '== %s\n' "$*"; }

# What differs per system: JavaFX's jar classifier, where a runtime keeps native libraries,
# the engine library inside the binding's jar, the installer type and its options.
ARCH=$(uname -m)
case "$(uname -s)" in
    Linux)
        FX_CLASSIFIER=linux; [[ $ARCH == aarch64 ]] && FX_CLASSIFIER=linux-aarch64
        NATIVE_DIR=lib; NATIVE_GLOB='*.so'
        ENGINE=de/kherud/llama/Linux/$ARCH/libjllama.so
        TYPE=deb; PLATFORM_ARGS=(@packaging/linux.args)
        PACKAGE_ARGS=(@packaging/linux-deb.args) ;;
    Darwin)
        FX_CLASSIFIER=mac; [[ $ARCH == arm64 ]] && FX_CLASSIFIER=mac-aarch64
        [[ $ARCH == arm64 ]] && ARCH=aarch64
        NATIVE_DIR=lib; NATIVE_GLOB='*.dylib'
        ENGINE=de/kherud/llama/Mac/$ARCH/libjllama.dylib
        TYPE=dmg; PLATFORM_ARGS=(@packaging/macos.args); PACKAGE_ARGS=() ;;
    MINGW* | MSYS* | CYGWIN*)
        FX_CLASSIFIER=win; NATIVE_DIR=bin; NATIVE_GLOB='*.dll'
        ENGINE=de/kherud/llama/Windows/x86_64/jllama.dll
        TYPE=msi; PLATFORM_ARGS=(@packaging/windows.args); PACKAGE_ARGS=() ;;
    *) echo "build.sh: no packaging for $(uname -s)" >&2; exit 1 ;;
esac

# The first <version> of the pom is the project's: it has no parent. macOS wants a first
# number above zero, so HEARTH_PACKAGE_VERSION may override it there.
POM_VERSION=$(sed -n 's:^    <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
[[ -n "$POM_VERSION" ]] || { echo "build.sh: no project version in pom.xml" >&2; exit 1; }
VERSION=${HEARTH_PACKAGE_VERSION:-$POM_VERSION}

# Takes entries out of a jar into a folder, without needing unzip.
extract() {
    local jar=$1 folder=$2; shift 2
    mkdir -p "$folder"
    (cd "$folder" && jar xf "$jar" "$@")
}

step "Hearth $VERSION: jar and dependencies (Maven)"
rm -rf "$WORK"
mkdir -p "$WORK"/{deps,fx,input/native}
mvn -q -B -DskipTests package dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$WORK/deps"
cp "target/hearth-$POM_VERSION.jar" "$WORK/input/hearth.jar"

# JavaFX goes into the runtime as modules, from its platform jars; the empty jars without a
# classifier only point at them. Everything else stays on the class path.
for jar in "$WORK"/deps/*.jar; do
    case "$(basename "$jar")" in
        javafx-*-"$FX_CLASSIFIER".jar) cp "$jar" "$WORK/fx/" ;;
        javafx-*) ;;
        *) cp "$jar" "$WORK/input/" ;;
    esac
done

step "Engine library unpacked once, for -Dde.kherud.llama.lib.path"
# The worker launcher loads the library from <app>/native, so no worker start extracts it
# again; the binding's jar is repacked without its libraries for every system.
LLAMA_JAR=$(ls "$WORK"/input/llama-*.jar)
extract "$LLAMA_JAR" "$WORK/llama-classes"
mv "$WORK/llama-classes/$ENGINE" "$WORK/input/native/"
rm -rf "$WORK"/llama-classes/de/kherud/llama/{Linux,Linux-Android,Mac,Windows}
rm "$LLAMA_JAR"
jar --create --no-manifest --file "$LLAMA_JAR" -C "$WORK/llama-classes" .

step "Modules (jdeps)"
MODULES=$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$WORK/fx" --class-path "$WORK/input/*" "$WORK"/input/*.jar)
echo "$MODULES"

step "Runtime (jlink)"
# The JavaFX jars carry their native libraries as resources, which JavaFX would unpack to
# ~/.openjfx/cache at run time. Left out of the module image and put beside the JVM's own
# instead, they load from java.home, and jpackage sees what they link against.
jlink --module-path "$WORK/fx" --add-modules "$MODULES" \
    --exclude-resources "**$NATIVE_GLOB" \
    --strip-java-debug-attributes --no-header-files --no-man-pages --generate-cds-archive \
    --output "$WORK/runtime"
extract "$(ls "$WORK"/fx/javafx-graphics-*.jar)" "$WORK/javafx-native"
cp "$WORK"/javafx-native/$NATIVE_GLOB "$WORK/runtime/$NATIVE_DIR/"
# Only a JVM whose heap is over 32 GB uses this second archive; the worker's is 256 MB.
rm -f "$WORK"/runtime/lib/server/classes_nocoops.jsa "$WORK"/runtime/bin/server/*nocoops*
if [[ $TYPE == deb ]]; then
    # No java command, as in jpackage's own runtimes: the worker can only start through its
    # launcher. (jlink's --strip-native-commands would also drop the java that makes the
    # CDS archive; on Windows bin/ holds the JVM itself, so only Linux does this.)
    rm -rf "$WORK/runtime/bin"
fi
sed -n 's/^MODULES=//p' "$WORK/runtime/release"

step "App image (jpackage)"
rm -rf "$WORK/image"
jpackage --type app-image @packaging/common.args @packaging/app.args "${PLATFORM_ARGS[@]}" \
    --app-version "$VERSION" --input "$WORK/input" --runtime-image "$WORK/runtime" \
    --dest "$WORK/image"
du -sh "$WORK"/image/*

if $IMAGE_ONLY; then
    exit 0
fi

step "Installer (jpackage --type $TYPE)"
# Built from the same inputs, not from the image: packaged from an image, jpackage 17 loses
# what the added launcher's properties say about shortcuts.
jpackage --type "$TYPE" @packaging/common.args @packaging/app.args "${PLATFORM_ARGS[@]}" \
    ${PACKAGE_ARGS[@]+"${PACKAGE_ARGS[@]}"} \
    --app-version "$VERSION" --input "$WORK/input" --runtime-image "$WORK/runtime" \
    --dest "$WORK/out"
ls -l "$WORK"/out/*
