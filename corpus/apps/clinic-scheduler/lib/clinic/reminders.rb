# frozen_string_literal: true

module Clinic
  # Renders appointment reminders (SMS) from the practice's templates.
  class Reminders
    TEMPLATES = { "de" => "Erinnerung: Termin am %<day>s um %<slot>s", "en" => "Reminder: appointment on %<day>s at %<slot>s" }.freeze
    SIGNATURE = " - Praxis am Park"

    def render(request)
      text = format(TEMPLATES.fetch(request.fetch("language", "de")), day: request.fetch("day"), slot: request.fetch("slot"))
      request["sign"] ? append_signature(text, request["sign_as"]) : text
    end

    private

    def append_signature(text, signer)
      signature = signer || SIGNATURE
      signature << " (#{Time.now.year})"
      text + signature
    end
  end
end
