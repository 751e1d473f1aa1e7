// 10 000 hostile payloads per channel, half of the channels here and half in fuzz-channels-2.test.ts so the two run in parallel.
import { fuzzChannels } from '../helpers/channel-fuzz';

fuzzChannels(0, 2);
