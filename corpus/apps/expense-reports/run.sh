#!/bin/sh
# Runs expense-reports' scenarios under Debian's Ruby (standard library only: yaml, erb, bigdecimal, drb).
exec ruby bin/scenarios.rb
