#!/bin/sh
# Drives newsletter-dispatch (Debian's PHP CLI, standard library only) from Node.
exec node scenarios.mjs
