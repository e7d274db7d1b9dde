# frozen_string_literal: true

require "json"
require_relative "../../../../capture/ruby/sentry_lite"
require_relative "billing"
require_relative "imports"
require_relative "patients"
require_relative "reminders"
require_relative "scheduler"

module Clinic
  # The services one process holds, and the operations every entry point calls by name.
  class App
    attr_reader :scheduler

    def initialize
      @scheduler = Scheduler.new
      @patients = Patients.new
      @billing = Billing.new
      @imports = Imports.new
      @reminders = Reminders.new
    end

    def perform(operation, payload)
      case operation
      when "book" then @scheduler.book(payload)
      when "register" then @patients.register(payload)
      when "bill" then @billing.bill(payload)
      when "import" then @imports.import(payload.fetch("kind"), payload.fetch("text"))
      when "remind" then @reminders.render(payload)
      else raise ArgumentError, "unknown operation #{operation}"
      end
    end
  end
end
