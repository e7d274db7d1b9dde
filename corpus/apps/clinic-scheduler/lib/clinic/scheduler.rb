# frozen_string_literal: true

require "time"
require_relative "dates"
require_relative "errors"

module Clinic
  Practitioner = Struct.new(:name, :schedule)
  Room = Struct.new(:name, :capacity)

  # Books appointments into practitioners' schedules and rooms.
  class Scheduler
    def initialize
      @practitioners = {
        "dr-weber" => Practitioner.new("dr-weber", %w[08:00 08:30 09:00 09:30 10:00]),
        "dr-okafor" => Practitioner.new("dr-okafor", %w[13:00 13:30 14:00 14:30])
      }
      @rooms = { "r1" => Room.new("r1", 1), "r2" => Room.new("r2", 2) }
      @booked = Hash.new { |hash, key| hash[key] = [] }
    end

    def book(request)
      day = parse_day(request.fetch("day"))
      starts = parse_slot(day, request.fetch("slot"))
      free = free_slots(request.fetch("practitioner"), day)
      room = assign_room(request.fetch("room", "r1"))
      key = [request["practitioner"], day, request["slot"]]
      raise SlotTaken, "#{request['practitioner']} is booked on #{day} at #{request['slot']}" if @booked[key].any? || !free.include?(request["slot"])

      ends = end_time(starts, request.fetch("minutes", 30))
      @booked[key] << request.fetch("patient")
      { room: room, starts: starts, ends: ends }
    end

    # A slot booked by an earlier visit (a double booking is the fault reproduced).
    def hold(practitioner, day, slot)
      @booked[[practitioner, parse_day(day), slot]] << "earlier-patient"
    end

    private

    def parse_day(text)
      Dates.parse(text)
    end

    def parse_slot(day, text)
      Time.strptime("#{day.iso8601} #{text}", "%Y-%m-%d %H:%M")
    end

    def free_slots(practitioner, _day)
      @practitioners[practitioner].schedule
    end

    def assign_room(name)
      @rooms[name].capacity.positive? ? name : nil
    end

    def end_time(starts, minutes)
      starts + minutes * 60
    end
  end
end
