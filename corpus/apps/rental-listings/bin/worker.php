<?php

declare(strict_types=1);

require __DIR__ . '/../bootstrap.php';

(new App\Jobs\Worker(new App\Operations()))->consume($argv[1]);
