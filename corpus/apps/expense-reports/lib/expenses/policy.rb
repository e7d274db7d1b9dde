# frozen_string_literal: true

require "yaml"

module Expenses
  # The travel policy, maintained by finance as YAML: category limits and per-diem rates.
  class Policy
    def self.load(text)
      new(YAML.safe_load(text, permitted_classes: [Date]))
    end

    def initialize(document)
      @limits = document.fetch("limits")
      @per_diem = document.fetch("per_diem", {})
    end

    def limit_for(category, nights)
      @limits[category] * [nights, 1].max
    end

    def per_diem(country)
      @per_diem.fetch(country, 24.0)
    end
  end
end
