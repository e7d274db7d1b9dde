# frozen_string_literal: true

require_relative "dates"

module Clinic
  # Registers patients with their referral from the GP.
  class Patients
    def initialize
      @records = {}
    end

    def register(form)
      born = parse_birth_date(form.fetch("born"))
      referral = parse_referral(form.fetch("referral", {}))
      @records[form.fetch("name")] = { born: born, referral: referral }
      form.fetch("name")
    end

    private

    def parse_birth_date(text)
      Dates.parse(text)
    end

    def parse_referral(referral)
      { gp: referral.fetch("gp"), reason: referral.fetch("reason"), code: referral.fetch("icd10") }
    end
  end
end
