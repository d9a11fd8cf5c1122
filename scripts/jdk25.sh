# Sourced by ./mvnw, ./patchbay and .ci/run: makes JAVA_HOME a JDK 25 (the project's Java release) when it is not
# one already. Looks at $JAVA_HOME, then the system's JVM directories, then `java` on PATH. Prints why and returns 1
# when there is none.
patchbay_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

patchbay_find_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(patchbay_java_major "$JAVA_HOME")" = "25" ]; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*/ /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidate="${candidate%/}"
    if [ -x "$candidate/bin/javac" ] && [ "$(patchbay_java_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if [ "$(patchbay_java_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  echo "Patchbay needs a JDK 25 and found none (looked at JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm, /opt, sdkman," >&2
  echo "/Library/Java/JavaVirtualMachines and javac on the PATH)." >&2
  echo "Install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
  return 1
}
