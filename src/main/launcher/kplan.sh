#!/bin/sh
# kplan launcher: this shell script is followed, in the same file, by the kplan jar.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:+UseSerialGC -Xshare:auto $KPLAN_JAVA_OPTS -jar "$0" "$@"
