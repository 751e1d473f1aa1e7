// 10 000 hostile payloads per channel, half of the channels here and half in fuzz-channels-1.test.ts so the two run in parallel.
import { fuzzChannels } from '../helpers/channel-fuzz';

fuzzChannels(1, 2);
