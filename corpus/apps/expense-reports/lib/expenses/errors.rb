# frozen_string_literal: true

module Expenses
  class DuplicateReceipt < StandardError; end
  class IngestFailed < StandardError; end
end
