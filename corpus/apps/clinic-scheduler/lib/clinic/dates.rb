# frozen_string_literal: true

require "date"

module Clinic
  # Dates arrive as typed by reception: the clinic's format is day.month.year.
  module Dates
    module_function

    def parse(text)
      Date.strptime(text.strip, "%d.%m.%Y")
    end
  end
end
