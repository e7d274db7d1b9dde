# frozen_string_literal: true

require_relative "money"

module Expenses
  class Mileage
    RATE_PER_KM = BigDecimal("0.30")

    def reimburse(trips)
      trips.sum(BigDecimal("0")) { |trip| distance(trip.fetch("km")) * RATE_PER_KM }
    end

    private

    def distance(text)
      Money.decimal(text)
    end
  end

  class PerDiem
    def daily(total, days)
      (total / days * 100).round / 100.0
    end
  end
end
