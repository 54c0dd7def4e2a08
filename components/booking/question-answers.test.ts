import { describe, expect, it } from 'vitest';
import { bookingQuestionsSchema } from '@/lib/hosts/meeting-types/booking-questions';
import { answersFromForm, prefilledAnswer } from './question-answers';

const [text, choice, many, box, count] = bookingQuestionsSchema.parse([
  { id: 'company', type: 'short_text', label: 'Company' },
  { id: 'size', type: 'single_choice', label: 'Size', options: ['Small', 'Large'] },
  { id: 'topics', type: 'multiple_choice', label: 'Topics', options: ['Pricing', 'Security', 'Café'] },
  { id: 'terms', type: 'checkbox', label: 'Terms' },
  { id: 'seats', type: 'number', label: 'Seats' },
]);

describe('booking form answers', () => {
  it('prefills only what a question can hold', () => {
    expect(prefilledAnswer(text!, [' Acme '])).toEqual({ text: 'Acme', choices: [], ticked: false });
    expect(prefilledAnswer(choice!, ['Huge']).text).toBeUndefined();
    expect(prefilledAnswer(choice!, ['Large']).text).toBe('Large');
    expect(prefilledAnswer(many!, ['Security', 'Golf', 'Cafe\u0301']).choices).toEqual(['Security', 'Café']);
    expect(prefilledAnswer(box!, ['yes']).ticked).toBe(true);
    expect(prefilledAnswer(box!, ['no']).ticked).toBe(false);
    expect(prefilledAnswer(count!, undefined).text).toBeUndefined();
  });

  it('reads the controls named q.<id>: ticks as booleans, several choices as a list, empty text left out', () => {
    const data = new FormData();
    data.append('q.company', '  ');
    data.append('q.size', 'Small');
    data.append('q.topics', 'Pricing');
    data.append('q.topics', 'Security');
    data.append('q.seats', '12');
    expect(answersFromForm([text!, choice!, many!, box!, count!], data)).toEqual({ size: 'Small', topics: ['Pricing', 'Security'], terms: false, seats: '12' });
  });
});
