# frozen_string_literal: true

require "bigdecimal"

module Expenses
  # Amounts as typed into the expense app: always a dot as decimal separator.
  module Money
    module_function

    def decimal(text)
      BigDecimal(text.to_s.strip)
    end
  end

  # Foreign receipts are converted with the month's rates.
  class Fx
    RATES = { "EUR" => 1.0, "USD" => 0.92, "GBP" => 1.17, "CHF" => 1.04 }.freeze

    def convert(amount, currency)
      amount * BigDecimal(RATES.fetch(currency).to_s)
    end
  end
end
