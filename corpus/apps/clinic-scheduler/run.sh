#!/bin/sh
# Runs clinic-scheduler's scenarios under Debian's Ruby (standard library only).
exec ruby bin/scenarios.rb
