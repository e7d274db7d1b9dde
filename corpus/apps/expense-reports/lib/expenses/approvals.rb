# frozen_string_literal: true

module Expenses
  Manager = Struct.new(:name, :email)

  # Reports go to the employee's manager; finance gets the ones over the limit.
  class Approvals
    MANAGERS = { "ana" => Manager.new("Ana", "ana@corp.example"), "li" => Manager.new("Li", "li@corp.example") }.freeze
    REPORTS_TO = { "jon" => "ana", "mia" => "ana", "sam" => "li", "kai" => "nobody" }.freeze

    def route(employee)
      MANAGERS[REPORTS_TO.fetch(employee, "li")].email
    end
  end
end
