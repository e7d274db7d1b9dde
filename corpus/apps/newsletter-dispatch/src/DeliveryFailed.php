<?php

declare(strict_types=1);

namespace Newsletter;

final class DeliveryFailed extends \RuntimeException
{
}
