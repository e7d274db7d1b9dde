#!/bin/sh
# Runs rental-listings' scenarios under Debian's PHP CLI (standard library only).
exec php bin/scenarios.php
