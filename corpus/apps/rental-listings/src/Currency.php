<?php

declare(strict_types=1);

namespace App;

enum Currency: string
{
    case EUR = 'EUR';
    case GBP = 'GBP';
    case CHF = 'CHF';
}
