package com.acme.payroll.domain;

import java.math.BigDecimal;

public record BenefitPlan(String name, BigDecimal monthlyPremium) {}
