"""meter-reader: pulls smart-meter readings from the utility's head-end system, validates and bills them."""
