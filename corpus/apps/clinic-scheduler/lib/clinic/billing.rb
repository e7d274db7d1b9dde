# frozen_string_literal: true

module Clinic
  # Bills visits by the insurer's tariff and the patient's co-payment.
  class Billing
    TARIFFS = { "AOK" => 42_00, "TK" => 44_50, "PRIVATE" => 89_00 }.freeze

    def bill(request)
      visits = request.fetch("visits")
      total = tariff(request.fetch("insurer")) * visits.size
      { total_cents: total, average_copay_cents: average_copay(visits) }
    end

    private

    def tariff(insurer)
      TARIFFS.fetch(insurer)
    end

    def average_copay(visits)
      visits.sum { |visit| visit.fetch("copay_cents") } / visits.count { |visit| visit.fetch("copay_cents").positive? }
    end
  end
end
