# frozen_string_literal: true

module Clinic
  class SlotTaken < StandardError; end
  class JobFailed < StandardError; end
end
