# frozen_string_literal: true

require "erb"
require_relative "approvals"
require_relative "mileage"
require_relative "policy"
require_relative "report"

module Expenses
  # Checks a report against the policy, converts, totals, routes and renders it.
  class Processor
    TEMPLATES = %w[summary detailed].to_h { |name| [name, File.expand_path("../../app/templates/#{name}.txt.erb", __dir__)] }

    def initialize(policy_text)
      @policy_text = policy_text
      @fx = Fx.new
      @mileage = Mileage.new
      @per_diem = PerDiem.new
      @approvals = Approvals.new
    end

    def process(data)
      policy = Policy.load(data.fetch("policy", @policy_text))
      report = Report.new(data)
      report.check_duplicates!
      total = report.receipts.sum(BigDecimal("0")) { |r| within_limit(policy, r, report.nights) }
      total += @mileage.reimburse(report.trips)
      allowance = @per_diem.daily(policy.per_diem(report.country) * report.days, data.fetch("split_days", report.days))
      { approver: @approvals.route(report.employee), total: total.to_f, allowance: allowance, summary: render(data.fetch("template", "summary"), report, total) }
    end

    private

    def within_limit(policy, receipt, nights)
      amount = @fx.convert(receipt.amount, receipt.currency)
      [amount, policy.limit_for(receipt.category, nights)].min
    end

    def render(template, report, total)
      ERB.new(File.read(TEMPLATES.fetch(template)), trim_mode: "-").result(binding)
    end
  end
end
