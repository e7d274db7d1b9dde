# frozen_string_literal: true

require "date"
require "set"
require_relative "errors"
require_relative "money"

module Expenses
  Receipt = Struct.new(:id, :category, :amount, :currency, :date, keyword_init: true)

  # One employee's expense report: receipts, mileage and per-diem days.
  class Report
    attr_reader :employee, :receipts, :trips, :days, :country, :nights

    def initialize(data)
      @employee = data.fetch("employee")
      @country = data.fetch("country", "DE")
      @nights = data.fetch("nights", 0)
      @days = data.fetch("days", 0)
      @receipts = data.fetch("receipts", []).map { |r| receipt(r) }
      @trips = data.fetch("trips", [])
    end

    def chronological
      receipts.sort_by(&:date)
    end

    def check_duplicates!
      seen = Set.new
      receipts.each do |r|
        raise DuplicateReceipt, "receipt #{r.id} submitted twice by #{employee}" unless seen.add?(r.id)
      end
    end

    private

    def receipt(row)
      Receipt.new(id: row.fetch("id"), category: row.fetch("category"), amount: amount(row.fetch("amount")),
                  currency: row.fetch("currency", "EUR"), date: row["date"] && Date.iso8601(row["date"]))
    end

    def amount(text)
      Money.decimal(text)
    end
  end
end
