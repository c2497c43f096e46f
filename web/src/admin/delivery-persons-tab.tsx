import { useState } from 'preact/hooks';
import type { DeliveryPerson } from '../../../functions/domain/delivery-persons/delivery-person.ts';
import type { Api } from '../api.ts';
import { PagedListView } from '../components/paged-list-view.tsx';
import { Feedback } from '../components/states.tsx';
import { errorWords } from '../error-words.ts';
import { usePagedList } from '../use-paged-list.ts';

/** Delivery persons: the list and a form to add one. */
export function DeliveryPersonsTab({ api }: { api: Api }) {
  const list = usePagedList<DeliveryPerson>(api, '/delivery-persons', {});
  const [error, setError] = useState<string>();
  const [added, setAdded] = useState<string>();
  const add = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    const body = { name: String(fields.get('name')).trim(), phone: String(fields.get('phone')).trim(), ...(String(fields.get('id') ?? '').trim() ? { id: String(fields.get('id')).trim() } : {}) };
    setError(undefined);
    setAdded(undefined);
    try {
      const person = await api.post<DeliveryPerson>('/delivery-persons', body);
      setAdded(`${person.name} added (id ${person.id}).`);
      form.reset();
      list.reload();
    } catch (failure) {
      setError(errorWords(failure, { conflict: 'A delivery person with this id exists already.' }));
    }
  };
  return (
    <>
      <h2>Delivery persons</h2>
      <PagedListView list={list} what="delivery persons" empty="No delivery persons yet.">
        {(people) => (
        <ul class="cards" aria-label="Delivery persons">
          {people.map((person) => (
            <li key={person.id} class="card">
              <strong>{person.name}</strong> · {person.phone} · id {person.id}
              {!person.active && ' · inactive'}
            </li>
          ))}
        </ul>
        )}
      </PagedListView>
      <form onSubmit={add} class="form" aria-labelledby="add-person">
        <h3 id="add-person">Add a delivery person</h3>
        <label>
          Name
          <input name="name" required maxLength={200} autoComplete="off" />
        </label>
        <label>
          Phone
          <input name="phone" type="tel" required maxLength={40} autoComplete="off" />
        </label>
        <label>
          Sign-in id (optional: the person's user id, so their sign-in matches)
          <input name="id" maxLength={128} autoComplete="off" />
        </label>
        <button type="submit">Add delivery person</button>
        <Feedback done={added} error={error} />
      </form>
    </>
  );
}
