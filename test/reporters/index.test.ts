import { describe, expect, it } from 'vitest';
import { getReporter, reporterFormats, UnknownFormatError } from '../../reporters/index.js';
import { sampleResult } from './sample-result.js';

describe('reporter registry', () => {
  it('lists the formats', () => {
    expect(reporterFormats()).toEqual(['text', 'json', 'sarif']);
  });

  it('looks reporters up by format', () => {
    for (const f of reporterFormats()) {
      const r = getReporter(f);
      expect(r.format).toBe(f);
      expect(r.extension).toMatch(/^[a-z]+$/);
      expect(r.render(sampleResult(), { color: false }).length).toBeGreaterThan(0);
    }
    expect(getReporter('SARIF').format).toBe('sarif');
    expect(getReporter('sarif').extension).toBe('sarif');
    expect(getReporter('json').extension).toBe('json');
  });

  it('throws a clear error for an unknown format', () => {
    expect(() => getReporter('xml')).toThrow(UnknownFormatError);
    expect(() => getReporter('xml')).toThrow('Unknown report format "xml". Available formats: text, json, sarif.');
  });
});
